package org.mdt.report;

import com.lowagie.text.BadElementException;
import com.lowagie.text.Image;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.FontMapper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.mdt.pdf.PdfFonts;

/**
 * Bar charts drawn by JFreeChart straight into the PDF as vectors (sharp at any zoom, text
 * searchable), in the PDF's own embedded font: the chart lays its text out with the same font file
 * the PDF embeds, so the layout does not depend on the fonts of the machine. Headless, as on a
 * server or in cron.
 */
final class BarCharts {
  static {
    System.setProperty("java.awt.headless", "true"); // before any AWT class loads
  }

  /** Category labels longer than this turn the bars sideways, so that the labels read across. */
  private static final int LONG_LABEL = 8;

  private static final Color BARS = new Color(0x3b, 0x6e, 0xa5);
  private static final Font REGULAR = awtFont("NotoSans-Regular.ttf");
  private static final Font BOLD = awtFont("NotoSans-Bold.ttf");

  /** Every font JFreeChart asks for is the embedded Noto Sans, bold or not. */
  private static final FontMapper EMBEDDED =
      new FontMapper() {
        @Override
        public BaseFont awtToPdf(Font font) {
          return PdfFonts.latin(font.isBold());
        }

        @Override
        public Font pdfToAwt(BaseFont font, int size) {
          return REGULAR.deriveFont((float) size);
        }
      };

  private BarCharts() {}

  /**
   * The chart as a vector image {@code width} by {@code height} points, to be added where its
   * section is.
   */
  static Image draw(ReportDocument.Chart chart, PdfWriter writer, float width, float height) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    chart.values().forEach((label, value) -> data.addValue(value, chart.valueAxis(), label));
    boolean sideways =
        chart.values().keySet().stream().anyMatch(label -> label.length() > LONG_LABEL);
    JFreeChart bars =
        ChartFactory.createBarChart(
            chart.title(),
            null,
            chart.valueAxis(),
            data,
            sideways ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL,
            false,
            false,
            false);
    bars.setBackgroundPaint(Color.WHITE);
    bars.getTitle().setFont(BOLD.deriveFont(11f));
    CategoryPlot plot = bars.getCategoryPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    plot.setOutlineVisible(false);
    BarRenderer renderer = (BarRenderer) plot.getRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setSeriesPaint(0, BARS);
    CategoryAxis categories = plot.getDomainAxis();
    categories.setTickLabelFont(REGULAR.deriveFont(9f));
    categories.setMaximumCategoryLabelLines(2);
    NumberAxis values = (NumberAxis) plot.getRangeAxis();
    values.setLabelFont(REGULAR.deriveFont(9f));
    values.setTickLabelFont(REGULAR.deriveFont(9f));
    if (chart.counts()) {
      values.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    }

    PdfTemplate template = writer.getDirectContent().createTemplate(width, height);
    Graphics2D graphics = template.createGraphics(width, height, EMBEDDED);
    bars.draw(graphics, new Rectangle2D.Double(0, 0, width, height));
    graphics.dispose();
    try {
      return Image.getInstance(template);
    } catch (BadElementException e) {
      throw new IllegalStateException("chart could not be placed", e);
    }
  }

  private static Font awtFont(String file) {
    try (InputStream in = BarCharts.class.getResourceAsStream("/org/mdt/pdf/fonts/" + file)) {
      return Font.createFont(Font.TRUETYPE_FONT, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (FontFormatException e) {
      throw new IllegalStateException(file + " is not a TrueType font", e);
    }
  }
}
