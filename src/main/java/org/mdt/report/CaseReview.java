package org.mdt.report;

import java.time.LocalDate;

/** A case reviewed at a recorded meeting held on {@code day}. */
record CaseReview(long caseId, LocalDate day) {}
