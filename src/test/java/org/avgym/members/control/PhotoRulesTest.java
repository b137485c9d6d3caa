package org.avgym.members.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.avgym.members.entity.StoredPhoto;
import org.avgym.platform.control.Refusal;
import org.junit.jupiter.api.Test;

class PhotoRulesTest {

  private final PhotoRules rules = new PhotoRules(200_000, 480);

  @Test
  void keepsAPngAsAJpegNoLargerThanTheStoredSide() throws IOException {
    StoredPhoto stored = rules.accept(image("png", 1200, 900));
    assertEquals("image/jpeg", stored.contentType());
    BufferedImage kept = ImageIO.read(new ByteArrayInputStream(stored.bytes()));
    assertEquals(480, kept.getWidth());
    assertEquals(360, kept.getHeight());
  }

  @Test
  void keepsASmallJpegAtItsSize() throws IOException {
    BufferedImage kept =
        ImageIO.read(new ByteArrayInputStream(rules.accept(image("jpeg", 200, 100)).bytes()));
    assertEquals(200, kept.getWidth());
  }

  @Test
  void refusesTextNamedLikeAnImage() {
    Refusal refused =
        assertThrows(
            Refusal.class, () -> rules.accept("not a picture".getBytes(StandardCharsets.UTF_8)));
    assertEquals("photo", refused.field());
    assertTrue(refused.getMessage().contains("not a JPEG or PNG"), refused.getMessage());
  }

  @Test
  void refusesATooLargeFileBeforeDecodingIt() {
    Refusal refused = assertThrows(Refusal.class, () -> rules.accept(new byte[200_001]));
    assertTrue(refused.getMessage().contains("at most 196 KB"), refused.getMessage());
  }

  @Test
  void refusesAGifAndAnEmptyPhoto() throws IOException {
    assertTrue(
        assertThrows(Refusal.class, () -> rules.accept(image("gif", 10, 10)))
            .getMessage()
            .contains("use a JPEG or PNG"));
    assertThrows(Refusal.class, () -> rules.accept(new byte[0]));
  }

  @Test
  void refusesAnImageDeclaringMorePixelsThanAllowed() throws IOException {
    PhotoRules roomy = new PhotoRules(50_000_000, 480);
    byte[] wide = image("png", PhotoRules.MAX_PIXELS_PER_SIDE + 1, 1);
    assertTrue(
        assertThrows(Refusal.class, () -> roomy.accept(wide)).getMessage().contains("pixels"));
  }

  @Test
  void refusesATruncatedJpeg() throws IOException {
    byte[] whole = image("jpeg", 300, 300);
    byte[] cut = java.util.Arrays.copyOf(whole, 20);
    assertThrows(Refusal.class, () -> rules.accept(cut));
  }

  private static byte[] image(String format, int width, int height) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < width; x += 7) {
      image.setRGB(x, 0, 0xff0000);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, format, out);
    return out.toByteArray();
  }
}
