package org.mdt.review;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.OutputStream;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.mdt.codes.Codes;
import org.mdt.cases.Redaction;
import org.mdt.pdf.PdfStyle;
import org.mdt.team.Member;

/**
 * The printable agenda: team, date, time and place; the cases by initials and case number, each with why
 * it is due and its open follow-ups; a grid of the case numbers that rolled over; and a sign-in sheet by
 * discipline. No child's full
 * name or date of birth is ever written here, and a restricted case shows only its number.
 */
public final class AgendaPdf {
  private static final Font TITLE = PdfStyle.TITLE;
  private static final Font HEADING = PdfStyle.HEADING;
  private static final Font BODY = PdfStyle.BODY;
  private static final int BLANK_SIGN_IN_ROWS = 2;
  private static final int ROLLED_OVER_COLUMNS = 6;

  private AgendaPdf() {}

  public static void write(Agenda agenda, List<Member> members, OutputStream out) {
    Meeting meeting = agenda.meeting();
    Document document = PdfStyle.document();
    try {
      PdfStyle.runningHead(PdfWriter.getInstance(document, out), "CONFIDENTIAL - " + meeting.team() + " - case review " + meeting.date());
      document.addTitle("MDT case review agenda " + meeting.team() + " " + meeting.date());
      document.addCreator("mdt");
      String when = meeting.date() + " (" + meeting.date().getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.US) + ")";
      document.open();

      document.add(new Paragraph("MDT case review agenda", TITLE));
      document.add(new Paragraph("Team: " + meeting.team(), BODY));
      document.add(new Paragraph("Date: " + when, BODY));
      document.add(new Paragraph("Time: " + (meeting.time() == null ? "not set" : meeting.time().toString()), BODY));
      document.add(new Paragraph("Location: " + (meeting.location() == null ? "not set" : meeting.location()), BODY));
      document.add(new Paragraph(" ", BODY));

      document.add(new Paragraph("Cases (" + agenda.cases().size() + ")", HEADING));
      PdfPTable cases = PdfStyle.table(new float[] {4, 12, 12, 26, 34},
          List.of("#", "Case", "Child", "Reason", "Open follow-ups"));
      int number = 1;
      for (Agenda.Item item : agenda.cases()) {
        cases.addCell(PdfStyle.cell(Integer.toString(number++)));
        cases.addCell(PdfStyle.cell(item.facts().caseNumber()));
        cases.addCell(PdfStyle.cell(item.label()));
        cases.addCell(PdfStyle.cell(item.reason().code() + "\n" + item.detail()));
        cases.addCell(PdfStyle.cell(followups(item)));
      }
      document.add(cases);
      if (!agenda.rolledOver().isEmpty()) {
        document.add(new Paragraph(" ", BODY));
        document.add(new Paragraph("Rolled over to the next meeting"
            + (agenda.nextMeeting() == null ? "" : " (" + agenda.nextMeeting() + ")") + ": "
            + agenda.rolledOver().size() + " case(s)", HEADING));
        document.add(rolledOver(agenda.rolledOver()));
      }

      document.newPage();
      document.add(new Paragraph("Sign-in sheet - " + meeting.team() + " - " + when, TITLE));
      for (String discipline : Codes.DISCIPLINE.codes()) {
        document.add(new Paragraph(discipline.replace('_', ' '), HEADING));
        PdfPTable sheet = PdfStyle.table(new float[] {30, 30, 40}, List.of("Name", "Agency", "Signature"));
        for (Member member : members) {
          if (member.discipline().equals(discipline)) {
            sheet.addCell(PdfStyle.cell(member.name()));
            sheet.addCell(PdfStyle.cell(member.agency()));
            sheet.addCell(PdfStyle.cell(""));
          }
        }
        for (int i = 0; i < BLANK_SIGN_IN_ROWS * 3; i++) {
          sheet.addCell(PdfStyle.cell(" "));
        }
        document.add(sheet);
      }
    } catch (DocumentException e) {
      throw new IllegalStateException("agenda PDF could not be written", e);
    } finally {
      document.close();
    }
  }

  /**
   * The rolled-over case numbers as a grid, in priority order along each row; a cell never wraps, so no case
   * number is broken across lines as it was in a paragraph.
   */
  private static PdfPTable rolledOver(List<String> caseNumbers) {
    PdfPTable grid = new PdfPTable(ROLLED_OVER_COLUMNS);
    grid.setWidthPercentage(100);
    grid.setSpacingBefore(4);
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
        .map(f -> f.action() + " - " + f.owner() + " (" + f.discipline().replace('_', ' ') + ")"
            + (f.due() == null ? "" : ", due " + f.due()))
        .collect(Collectors.joining("\n"));
  }
}
