"""The report skeletons of ``boardreport new``, as package data (:mod:`boardreport.skeleton`)."""
