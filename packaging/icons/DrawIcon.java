import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.GeneralPath;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Draws Hearth's icon (a flame in a speech bubble on a warm tile) and writes it in the three
 * forms jpackage wants: PNG for Linux, ICO for Windows, ICNS for macOS.
 *
 * <p>Run from the repository root with {@code java packaging/icons/DrawIcon.java assets}. The
 * output is committed, so a package build never needs this program; run it again only when
 * the drawing changes. Pure Java2D, so it needs no display.
 */
public final class DrawIcon {

    private static final Color TILE_TOP = new Color(0xE0, 0x7A, 0x2E);
    private static final Color TILE_BOTTOM = new Color(0xA8, 0x3E, 0x12);
    private static final Color BUBBLE = new Color(0xFB, 0xF8, 0xF4);
    private static final Color FLAME_OUTER = new Color(0xC2, 0x57, 0x1A);
    private static final Color FLAME_INNER = new Color(0xF2, 0xB1, 0x3C);

    private DrawIcon() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "assets");
        Files.createDirectories(folder);

        Map<Integer, byte[]> pngs = new LinkedHashMap<>();
        for (int size : new int[] {16, 32, 48, 64, 128, 256, 512}) {
            pngs.put(size, png(draw(size)));
        }
        Files.write(folder.resolve("hearth.png"), pngs.get(256));
        Files.write(folder.resolve("hearth.ico"), ico(pngs));
        Files.write(folder.resolve("hearth.icns"), icns(pngs));
    }

    /** Draws the icon on a square of the given side in pixels, in a 256-unit design grid. */
    static BufferedImage draw(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.scale(size / 256.0, size / 256.0);

        g.setPaint(new GradientPaint(0, 8, TILE_TOP, 0, 248, TILE_BOTTOM));
        g.fill(new RoundRectangle2D.Double(8, 8, 240, 240, 56, 56));

        g.setColor(BUBBLE);
        g.fill(bubble());

        g.setPaint(new GradientPaint(0, 190, FLAME_OUTER, 0, 70, new Color(0xE0, 0x6A, 0x22)));
        g.fill(flame(128, 186, 46, 112));
        g.setColor(FLAME_INNER);
        g.fill(flame(128, 186, 24, 60));

        g.setColor(TILE_BOTTOM);
        g.setStroke(new BasicStroke(7, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.drawLine(92, 190, 164, 190);
        g.dispose();
        return image;
    }

    /** A rounded speech bubble with its tail at the lower left. */
    private static GeneralPath bubble() {
        GeneralPath path = new GeneralPath();
        path.append(new RoundRectangle2D.Double(40, 44, 176, 160, 64, 64), false);
        GeneralPath tail = new GeneralPath();
        tail.moveTo(64, 180);
        tail.lineTo(46, 226);
        tail.lineTo(104, 196);
        tail.closePath();
        path.append(tail, false);
        return path;
    }

    /** A flame standing on (x, base), of the given half width and height. */
    private static GeneralPath flame(double x, double base, double halfWidth, double height) {
        GeneralPath path = new GeneralPath();
        path.moveTo(x, base);
        path.curveTo(x - halfWidth * 1.3, base - 4, x - halfWidth * 1.1, base - height * 0.55,
                x - halfWidth * 0.2, base - height);
        path.curveTo(x - halfWidth * 0.1, base - height * 0.62, x + halfWidth * 0.5,
                base - height * 0.72, x + halfWidth * 0.45, base - height * 0.42);
        path.curveTo(x + halfWidth * 0.8, base - height * 0.5, x + halfWidth * 0.9,
                base - height * 0.6, x + halfWidth * 0.85, base - height * 0.7);
        path.curveTo(x + halfWidth * 1.4, base - height * 0.4, x + halfWidth * 1.2, base - 4,
                x, base);
        path.closePath();
        return path;
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }

    /** An ICO holding PNG entries up to 256 pixels, which Windows reads since Vista. */
    private static byte[] ico(Map<Integer, byte[]> pngs) {
        Map<Integer, byte[]> sizes = new LinkedHashMap<>(pngs);
        sizes.remove(512);
        int header = 6 + 16 * sizes.size();
        int length = header + sizes.values().stream().mapToInt(data -> data.length).sum();
        ByteBuffer out = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        out.putShort((short) 0).putShort((short) 1).putShort((short) sizes.size());
        int offset = header;
        for (Map.Entry<Integer, byte[]> entry : sizes.entrySet()) {
            // A side of 256 is written as 0: the field is one byte.
            int side = entry.getKey() >= 256 ? 0 : entry.getKey();
            out.put((byte) side).put((byte) side).put((byte) 0).put((byte) 0);
            out.putShort((short) 1).putShort((short) 32);
            out.putInt(entry.getValue().length).putInt(offset);
            offset += entry.getValue().length;
        }
        sizes.values().forEach(out::put);
        return out.array();
    }

    /** An ICNS holding the PNG entries that macOS names by type code. */
    private static byte[] icns(Map<Integer, byte[]> pngs) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("icp4", pngs.get(16));
        entries.put("icp5", pngs.get(32));
        entries.put("icp6", pngs.get(64));
        entries.put("ic07", pngs.get(128));
        entries.put("ic08", pngs.get(256));
        entries.put("ic09", pngs.get(512));
        int length = 8 + entries.values().stream().mapToInt(data -> 8 + data.length).sum();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(length);
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeBytes("icns");
        out.writeInt(length);
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            out.writeBytes(entry.getKey());
            out.writeInt(8 + entry.getValue().length);
            out.write(entry.getValue());
        }
        out.flush();
        return bytes.toByteArray();
    }
}
