package org.avgym.dashboard.boundary;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.visit.VisitContext;
import jakarta.faces.component.visit.VisitResult;
import jakarta.faces.context.FacesContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Map;
import java.util.Set;
import org.avgym.platform.control.Refusal;

/**
 * Turns what the services say into faces messages: a confirmation for the growl, a refusal or a
 * failed constraint on the field it names (or on the growl when it names none). Field names are the
 * services' and records' names; {@code fields} maps them to form-relative client ids.
 */
final class Feedback {

  private static final Validator VALIDATOR =
      Validation.buildDefaultValidatorFactory().getValidator();

  private Feedback() {}

  /** A check-in that waited too long for its club's turn: nothing was recorded. */
  static final String CLUB_BUSY =
      "The club's check-ins are queued right now; nothing was recorded. Try again in a moment.";

  static void done(String summary, String detail) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, summary, detail));
  }

  static void refused(String summary, Refusal refusal, Map<String, String> fields) {
    error(summary, refusal.field(), refusal.getMessage(), fields);
  }

  static void error(String summary, String field, String message, Map<String, String> fields) {
    FacesContext faces = FacesContext.getCurrentInstance();
    String clientId = field == null ? null : clientId(faces, fields.get(field));
    faces.addMessage(
        clientId,
        new FacesMessage(
            FacesMessage.SEVERITY_ERROR, clientId == null ? summary : message, message));
    faces.validationFailed();
  }

  /**
   * The full client id of the component whose id ends with {@code formRelative} (like {@code
   * desk:desk-reason}), wherever the include put its form (inside a tab or not); null if none.
   */
  private static String clientId(FacesContext faces, String formRelative) {
    if (formRelative == null || faces.getViewRoot() == null) {
      return null;
    }
    String[] found = new String[1];
    faces
        .getViewRoot()
        .visitTree(
            VisitContext.createVisitContext(faces),
            (context, target) -> {
              String id = target.getClientId(faces);
              if (id.equals(formRelative) || id.endsWith(":" + formRelative)) {
                found[0] = id;
                return VisitResult.COMPLETE;
              }
              return VisitResult.ACCEPT;
            });
    return found[0];
  }

  /**
   * Checks a record's bean-validation constraints (the same ones the REST API applies) and shows
   * each failure on its field; true when there were none.
   */
  static <T> boolean valid(
      String summary, T input, Map<String, String> fields, Class<?>... groups) {
    Set<ConstraintViolation<T>> violations = VALIDATOR.validate(input, groups);
    for (ConstraintViolation<T> violation : violations) {
      String path = violation.getPropertyPath().toString();
      String field = path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
      field = field.contains("[") ? field.substring(0, field.indexOf('[')) : field;
      error(summary, field, field + " " + violation.getMessage(), fields);
    }
    return violations.isEmpty();
  }
}
