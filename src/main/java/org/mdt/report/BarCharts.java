package org.mdt.report;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

/** Bar charts drawn with JFreeChart into PNG for the PDF reports; headless, as on a server or in cron. */
final class BarCharts {
  private static final int WIDTH = 900;
  private static final int HEIGHT = 420;

  static {
    System.setProperty("java.awt.headless", "true");
  }

  private BarCharts() {}

  static byte[] png(ReportDocument.Chart chart) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    chart.values().forEach((label, value) -> data.addValue(value, chart.valueAxis(), label));
    JFreeChart bars = ChartFactory.createBarChart(chart.title(), null, chart.valueAxis(), data,
        PlotOrientation.VERTICAL, false, false, false);
    bars.setBackgroundPaint(Color.WHITE);
    bars.getCategoryPlot().setBackgroundPaint(Color.WHITE);
    bars.getCategoryPlot().setRangeGridlinePaint(Color.LIGHT_GRAY);
    bars.getCategoryPlot().getRenderer().setSeriesPaint(0, new Color(0x3b, 0x6e, 0xa5));
    bars.getCategoryPlot().getDomainAxis().setCategoryLabelPositions(
        org.jfree.chart.axis.CategoryLabelPositions.UP_45);
    BufferedImage image = bars.createBufferedImage(WIDTH, HEIGHT);
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
