package org.avgym.members.control;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.avgym.members.entity.StoredPhoto;
import org.avgym.platform.control.Refusal;

/**
 * What a member photo may be, and what AV Gym keeps of it. The bytes must be a JPEG or PNG image
 * (judged by decoding them, never by a name or a declared type), no larger than {@code maxBytes}
 * and no larger than {@link #MAX_PIXELS_PER_SIDE} on a side before decoding (a small file can
 * declare a huge image). What is kept is the image re-encoded as a JPEG of at most {@code
 * storedSide} pixels on its longer side: small enough for every desk, and without the metadata
 * (location, camera) a phone writes into its photos.
 */
public final class PhotoRules {

  /** Larger images are refused before they are decoded. */
  static final int MAX_PIXELS_PER_SIDE = 8000;

  private static final Set<String> FORMATS = Set.of("jpeg", "png");
  private static final float JPEG_QUALITY = 0.85f;

  private final long maxBytes;
  private final int storedSide;

  public PhotoRules(long maxBytes, int storedSide) {
    if (maxBytes < 1 || storedSide < 16) {
      throw new IllegalArgumentException(
          "photo limits must be positive: " + maxBytes + " bytes, " + storedSide + " px");
    }
    this.maxBytes = maxBytes;
    this.storedSide = storedSide;
  }

  public long maxBytes() {
    return maxBytes;
  }

  /**
   * The photo as it is stored.
   *
   * @throws Refusal naming the field {@code photo} when the bytes are too many or not an image
   */
  public StoredPhoto accept(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      throw Refusal.invalid("photo", "the photo is empty");
    }
    if (bytes.length > maxBytes) {
      throw Refusal.invalid(
          "photo",
          "the photo is too large: "
              + kilobytes(bytes.length)
              + " KB; at most "
              + kilobytes(maxBytes)
              + " KB is allowed");
    }
    BufferedImage image = decode(bytes);
    return new StoredPhoto("image/jpeg", jpeg(scaled(image)));
  }

  private static BufferedImage decode(byte[] bytes) {
    try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
      if (!readers.hasNext()) {
        throw notAnImage();
      }
      ImageReader reader = readers.next();
      try {
        if (!FORMATS.contains(reader.getFormatName().toLowerCase(Locale.ROOT))) {
          throw Refusal.invalid(
              "photo",
              "the photo is a " + reader.getFormatName() + " image; use a JPEG or PNG image");
        }
        reader.setInput(input, true, true);
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if (width > MAX_PIXELS_PER_SIDE || height > MAX_PIXELS_PER_SIDE) {
          throw Refusal.invalid(
              "photo",
              "the photo is "
                  + width
                  + " × "
                  + height
                  + " pixels; at most "
                  + MAX_PIXELS_PER_SIDE
                  + " on a side is allowed");
        }
        BufferedImage image = reader.read(0);
        if (image == null || width < 1 || height < 1) {
          throw notAnImage();
        }
        return image;
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof Refusal refusal) {
        throw refusal;
      }
      // A truncated or corrupt file: ImageIO says so with IOException or IllegalArgumentException.
      throw notAnImage();
    }
  }

  private BufferedImage scaled(BufferedImage image) {
    int width = image.getWidth();
    int height = image.getHeight();
    double factor = Math.min(1.0, (double) storedSide / Math.max(width, height));
    int w = Math.max(1, (int) Math.round(width * factor));
    int h = Math.max(1, (int) Math.round(height * factor));
    // JPEG has no alpha: draw onto white, which also turns palette and grey images into RGB.
    BufferedImage rgb = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = rgb.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setColor(java.awt.Color.WHITE);
      g.fillRect(0, 0, w, h);
      g.drawImage(image, 0, 0, w, h, null);
    } finally {
      g.dispose();
    }
    return rgb;
  }

  private static byte[] jpeg(BufferedImage image) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream output = ImageIO.createImageOutputStream(bytes)) {
      writer.setOutput(output);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(JPEG_QUALITY);
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException("could not encode a photo as JPEG", e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  private static Refusal notAnImage() {
    return Refusal.invalid("photo", "the file is not a JPEG or PNG image");
  }

  private static long kilobytes(long bytes) {
    return (bytes + 1023) / 1024;
  }
}
