package org.mdt.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdt.Json;
import org.mdt.Mdt;

/**
 * A case reviewed at several meetings: the NCA scan joins each child to every counted review of its
 * case, so a child comes as several rows. It must still count once, its case review dated by the
 * first counted review.
 *
 * <pre>
 * R1 Ann ref 01-20, Ben ref 03-10 (her sibling)   R1 reviewed 01-07 (before any referral: never counted),
 *                                                  03-04 (before Ben's referral, after the case's first) and 07-01
 * R2 Cal ref 02-15                                R2 reviewed 07-01 only (after H1)
 * </pre>
 */
class NcaRepeatedReviewsTest {
  @TempDir Path dir;

  @Test
  void aChildCountsOnceAndItsCaseReviewIsTheFirstCounted() throws Exception {
    Mdt mdt = new Mdt(dir).withTeam("North MDT").at("2025-07-15T12:00:00Z");
    Path roster =
        Files.writeString(
            dir.resolve("r.csv"),
            String.join(
                    "\n",
                    "case_number,referral_date,child_first_name,child_dob,child_gender,abuse_types",
                    "R1,2025-01-20,Ann,2015-01-01,F,SA",
                    "R1,2025-03-10,Ben,2016-01-01,M,SA",
                    "R2,2025-02-15,Cal,2014-01-01,M,PA")
                + "\n");
    mdt.ok("import", "roster", roster.toString());
    mdt.ok("member", "add", "--name", "Dana Reyes", "--discipline", "DCF", "--agency", "DCF");
    mdt.ok(
        "review",
        "schedule",
        "--from",
        "2025-01-01",
        "--to",
        "2025-07-31",
        "--rule",
        "monthly:1:TUE");
    record(mdt, "2025-01-07", "R1");
    record(mdt, "2025-03-04", "R1");
    record(mdt, "2025-07-01", "R1", "R2");

    JsonNode h1 = Json.parse(mdt.ok("report", "nca", "--period", "2025H1", "--format", "json"));
    assertEquals(3, h1.path("newChildren").asInt());
    assertEquals(
        3, h1.path("gender").path("female").asInt() + h1.path("gender").path("male").asInt());
    assertEquals(2, h1.path("services").path("case_review").asInt()); // Ann and Ben, from 03-04
  }

  private static void record(Mdt mdt, String date, String... cases) {
    String[] args = {"review", "record", mdt.meetingOn(date), "--attended", "1", "--reviewed"};
    Mdt.Result recorded =
        mdt.run(Stream.concat(Arrays.stream(args), Arrays.stream(cases)).toArray(String[]::new));
    assertEquals(0, recorded.code(), recorded.err());
  }
}
