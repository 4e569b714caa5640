package org.mdt.roster;

/** Receives the problems of an import as they are found, so that none has to be held in memory. */
public interface ProblemSink {
  void rejected(Problem problem);

  void warning(Problem problem);

  void duplicate(Problem problem);
}
