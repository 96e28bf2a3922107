"""The report skeletons of ``boardreport new``, as package data (see :mod:`boardreport.skeleton`)."""
