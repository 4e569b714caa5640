package org.mdt.review;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.mdt.cases.Redaction;
import org.mdt.codes.Codes;
import org.mdt.pdf.PdfFile;
import org.mdt.pdf.PdfStyle;
import org.mdt.team.Member;

/**
 * The printable agenda: team, date, time and place; the cases by initials and case number, each
 * with why it is due and its open follow-ups; a grid of the case numbers that rolled over; and a
 * sign-in sheet by discipline. No child's full name or date of birth is ever written here, and a
 * restricted case shows only its number.
 */
public final class AgendaPdf {
  private static final PdfStyle.Face TITLE = PdfStyle.TITLE;
  private static final PdfStyle.Face BODY = PdfStyle.BODY;
  private static final int BLANK_SIGN_IN_ROWS = 6;
  private static final int ROLLED_OVER_COLUMNS = 6;

  private AgendaPdf() {}

  /**
   * Writes the agenda as PDF/A-2b to {@code out}, dated {@code created} (SOURCE_DATE_EPOCH when
   * set, so that the same agenda gives the same bytes); a character no embedded font has is named
   * to {@code warnings}.
   */
  public static void write(
      Agenda agenda,
      List<Member> members,
      OutputStream out,
      Instant created,
      Consumer<String> warnings)
      throws IOException {
    Meeting meeting = agenda.meeting();
    PdfFile.Info info =
        new PdfFile.Info(
            "MDT case review agenda " + meeting.team() + " " + meeting.date(),
            meeting.team(),
            "CONFIDENTIAL - " + meeting.team() + " - case review " + meeting.date(),
            created);
    String when =
        meeting.date()
            + " ("
            + meeting.date().getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.US)
            + ")";
    PdfFile.write(
        info,
        out,
        warnings,
        (document, writer) -> {
          document.add(PdfStyle.paragraph("MDT case review agenda", TITLE, 0));
          document.add(PdfStyle.paragraph("Team: " + meeting.team(), BODY, 4));
          document.add(PdfStyle.paragraph("Date: " + when, BODY, 0));
          document.add(
              PdfStyle.paragraph(
                  "Time: " + (meeting.time() == null ? "not set" : meeting.time().toString()),
                  BODY,
                  0));
          if (meeting.location()
              != null) { // an unset location is left out, as on the terminal and in the invitation
            document.add(PdfStyle.paragraph("Location: " + meeting.location(), BODY, 0));
          }

          PdfPTable cases =
              PdfStyle.titledTable(
                  "Cases (" + agenda.cases().size() + ")",
                  new float[] {4, 12, 16, 26, 32},
                  List.of("#", "Case", "Child", "Reason", "Open follow-ups"));
          int number = 1;
          for (Agenda.Item item : agenda.cases()) {
            cases.addCell(PdfStyle.cell(Integer.toString(number++)));
            cases.addCell(PdfStyle.cell(item.facts().caseNumber()));
            cases.addCell(PdfStyle.cell(item.label()));
            cases.addCell(PdfStyle.cell(reason(item.reason()) + "\n" + item.detail()));
            cases.addCell(PdfStyle.cell(followups(item)));
          }
          document.add(cases);
          if (!agenda.rolledOver().isEmpty()) {
            document.add(
                rolledOver(
                    "Rolled over to the next meeting"
                        + (agenda.nextMeeting() == null ? "" : " (" + agenda.nextMeeting() + ")")
                        + ": "
                        + agenda.rolledOver().size()
                        + " case(s)",
                    agenda.rolledOver()));
          }

          document.newPage();
          document.add(
              PdfStyle.paragraph("Sign-in sheet - " + meeting.team() + " - " + when, TITLE, 0));
          signIn(document, members);
        });
  }

  /**
   * A block for each discipline with members (a discipline without any gets none, so no page holds
   * only empty rows), each with a blank row for a colleague standing in; a team without members
   * gets one block of blank rows.
   */
  private static void signIn(Document document, List<Member> members) throws DocumentException {
    boolean any = false;
    for (String discipline : Codes.DISCIPLINE.codes()) {
      List<Member> present =
          members.stream().filter(m -> m.discipline().equals(discipline)).toList();
      if (!present.isEmpty()) {
        document.add(signInBlock(Codes.DISCIPLINE.label(discipline), present, 1));
        any = true;
      }
    }
    if (!any) {
      document.add(signInBlock("Members present", List.of(), BLANK_SIGN_IN_ROWS));
    }
  }

  private static PdfPTable signInBlock(String heading, List<Member> members, int blankRows) {
    PdfPTable sheet =
        PdfStyle.titledTable(
            heading, new float[] {30, 30, 40}, List.of("Name", "Agency", "Signature"));
    for (Member member : members) {
      sheet.addCell(PdfStyle.cell(member.name()));
      sheet.addCell(PdfStyle.cell(member.agency()));
      sheet.addCell(PdfStyle.cell(""));
    }
    for (int i = 0; i < blankRows * 3; i++) {
      sheet.addCell(PdfStyle.cell(" "));
    }
    return sheet;
  }

  private static String reason(Agenda.Reason reason) {
    return switch (reason) {
      case NEW -> "New case";
      case REQUESTED -> "Requested";
      case FOLLOWUP -> "Follow-up";
      case REREVIEW -> "Re-review";
    };
  }

  /**
   * The rolled-over case numbers as a grid under its heading, in priority order along each row; a
   * cell never wraps, so no case number is broken across lines as it was in a paragraph.
   */
  private static PdfPTable rolledOver(String heading, List<String> caseNumbers) {
    PdfPTable grid = new PdfPTable(ROLLED_OVER_COLUMNS);
    grid.setWidthPercentage(100);
    grid.setSpacingBefore(12);
    grid.setHeaderRows(1); // the heading repeats on a new page, and never ends one alone
    PdfPCell title = new PdfPCell(PdfStyle.phrase(heading, PdfStyle.HEADING));
    title.setColspan(ROLLED_OVER_COLUMNS);
    title.setBorder(Rectangle.NO_BORDER);
    title.setPaddingLeft(0);
    title.setPaddingBottom(6);
    grid.addCell(title);
    for (String caseNumber : caseNumbers) {
      PdfPCell cell = PdfStyle.cell(caseNumber);
      cell.setNoWrap(true);
      grid.addCell(cell);
    }
    grid.completeRow();
    return grid;
  }

  private static String followups(Agenda.Item item) {
    var all = item.facts().openFollowups();
    var shown = Redaction.followups(item.facts().restricted(), all);
    if (shown.size() < all.size()) {
      return all.size() + " open (restricted)";
    }
    return shown.stream()
        .map(
            f ->
                f.action()
                    + " - "
                    + f.owner()
                    + " ("
                    + Codes.DISCIPLINE.label(f.discipline())
                    + ")"
                    + (f.due() == null ? "" : ", due " + f.due()))
        .collect(Collectors.joining("\n"));
  }
}
