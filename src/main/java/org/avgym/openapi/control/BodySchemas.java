package org.avgym.openapi.control;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.avgym.openapi.control.ApiResources.Endpoint;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * Completes the schemas of the records the API reads and writes from their Java declarations:
 * integers and instants typed as such, and the Bean Validation constraints of request bodies
 * (required, lengths, ranges, patterns). Payara's own constraint scan is switched off ({@code
 * mp.openapi.scan.beanvalidation=false}): in Payara 6.2025.10 it throws a NullPointerException for
 * every constrained parameter that is not a {@code @PathParam}, which every record's canonical
 * constructor has, and {@code /openapi} answered 500.
 */
final class BodySchemas {

  private static final List<Class<? extends Annotation>> NOT_BODY =
      List.of(
          Context.class,
          PathParam.class,
          QueryParam.class,
          HeaderParam.class,
          CookieParam.class,
          FormParam.class,
          MatrixParam.class,
          BeanParam.class);

  private final Map<String, Schema> schemas;
  private final Set<Class<?>> done = new HashSet<>();

  BodySchemas(Map<String, Schema> schemas) {
    this.schemas = schemas;
  }

  /** The parameter that carries the request body, or null. */
  static java.lang.reflect.Parameter body(Method method) {
    for (java.lang.reflect.Parameter parameter : method.getParameters()) {
      boolean bound = false;
      for (Class<? extends Annotation> binding : NOT_BODY) {
        bound |= parameter.isAnnotationPresent(binding);
      }
      if (!bound) {
        return parameter;
      }
    }
    return null;
  }

  void complete(List<Endpoint> endpoints) {
    if (schemas == null) {
      return;
    }
    for (Endpoint endpoint : endpoints) {
      java.lang.reflect.Parameter body = body(endpoint.method());
      if (body != null) {
        visit(body.getParameterizedType());
      }
      visit(endpoint.method().getGenericReturnType());
    }
  }

  private void visit(Type type) {
    if (type instanceof ParameterizedType parameterized) {
      visit(parameterized.getRawType());
      for (Type argument : parameterized.getActualTypeArguments()) {
        visit(argument);
      }
      return;
    }
    if (!(type instanceof Class<?> record) || !record.isRecord() || !done.add(record)) {
      return;
    }
    Schema schema = schemas.get(record.getSimpleName());
    for (RecordComponent component : record.getRecordComponents()) {
      visit(component.getGenericType());
      if (schema == null || schema.getProperties() == null) {
        continue;
      }
      Schema property = schema.getProperties().get(component.getName());
      Field field = field(record, component.getName());
      if (property == null || field == null) {
        continue;
      }
      if (property.getRef() == null) {
        typed(property, component.getType());
        constrained(property, field);
      }
      if (required(field) && !listed(schema, component.getName())) {
        schema.addRequired(component.getName());
      }
    }
  }

  private static boolean listed(Schema schema, String name) {
    return schema.getRequired() != null && schema.getRequired().contains(name);
  }

  private static Field field(Class<?> record, String name) {
    try {
      return record.getDeclaredField(name);
    } catch (NoSuchFieldException e) {
      return null;
    }
  }

  /** Payara writes longs as numbers and instants as objects; the wire has integers and text. */
  private static void typed(Schema property, Class<?> type) {
    if (type == long.class || type == Long.class) {
      property.type(SchemaType.INTEGER).format("int64");
    } else if (type == int.class || type == Integer.class || type == short.class) {
      property.type(SchemaType.INTEGER).format("int32");
    } else if (type == Instant.class
        || type == OffsetDateTime.class
        || type == ZonedDateTime.class) {
      property.type(SchemaType.STRING).format("date-time").properties(null);
    } else if (type == LocalDate.class) {
      property.type(SchemaType.STRING).format("date").properties(null);
    } else if (type == LocalTime.class) {
      property.type(SchemaType.STRING).format("time").properties(null);
    } else if (type == Duration.class) {
      property.type(SchemaType.STRING).format("duration").properties(null);
    }
  }

  /** Only constraints of the default group: others (creation only) do not hold for every use. */
  private static boolean always(Class<?>[] groups) {
    return groups.length == 0;
  }

  private static boolean required(Field field) {
    NotNull notNull = field.getAnnotation(NotNull.class);
    NotBlank notBlank = field.getAnnotation(NotBlank.class);
    NotEmpty notEmpty = field.getAnnotation(NotEmpty.class);
    return (notNull != null && always(notNull.groups()))
        || (notBlank != null && always(notBlank.groups()))
        || (notEmpty != null && always(notEmpty.groups()));
  }

  /** A Java pattern that reads the same as an ECMA-262 one (no inline flags, no \\p classes). */
  static boolean portable(String regexp) {
    return !regexp.contains("(?") && !regexp.contains("\\p{");
  }

  private static void constrained(Schema property, Field field) {
    boolean many = Collection.class.isAssignableFrom(field.getType()) || field.getType().isArray();
    NotBlank notBlank = field.getAnnotation(NotBlank.class);
    if (notBlank != null && always(notBlank.groups())) {
      property.minLength(1);
    }
    Size size = field.getAnnotation(Size.class);
    if (size != null && always(size.groups())) {
      if (many) {
        property.minItems(size.min() > 0 ? size.min() : null);
        property.maxItems(size.max() < Integer.MAX_VALUE ? size.max() : null);
      } else {
        if (size.min() > 0) {
          property.minLength(size.min());
        }
        if (size.max() < Integer.MAX_VALUE) {
          property.maxLength(size.max());
        }
      }
    }
    Min min = field.getAnnotation(Min.class);
    if (min != null && always(min.groups())) {
      property.minimum(BigDecimal.valueOf(min.value()));
    }
    Max max = field.getAnnotation(Max.class);
    if (max != null && always(max.groups())) {
      property.maximum(BigDecimal.valueOf(max.value()));
    }
    DecimalMin decimalMin = field.getAnnotation(DecimalMin.class);
    if (decimalMin != null && always(decimalMin.groups())) {
      property
          .minimum(new BigDecimal(decimalMin.value()))
          .exclusiveMinimum(!decimalMin.inclusive());
    }
    DecimalMax decimalMax = field.getAnnotation(DecimalMax.class);
    if (decimalMax != null && always(decimalMax.groups())) {
      property
          .maximum(new BigDecimal(decimalMax.value()))
          .exclusiveMaximum(!decimalMax.inclusive());
    }
    Positive positive = field.getAnnotation(Positive.class);
    if (positive != null && always(positive.groups())) {
      property.minimum(BigDecimal.ZERO).exclusiveMinimum(true);
    }
    PositiveOrZero positiveOrZero = field.getAnnotation(PositiveOrZero.class);
    if (positiveOrZero != null && always(positiveOrZero.groups())) {
      property.minimum(BigDecimal.ZERO);
    }
    Pattern pattern = field.getAnnotation(Pattern.class);
    if (pattern != null && always(pattern.groups()) && portable(pattern.regexp())) {
      property.pattern(pattern.regexp());
    }
    Email email = field.getAnnotation(Email.class);
    if (email != null && always(email.groups())) {
      property.format("email");
    }
  }
}
