/**
 * The API's OpenAPI document at {@code /openapi}. Payara scans the JAX-RS resources for paths,
 * parameters and bodies; META-INF/openapi.yaml adds what no scan can find (security schemes, the
 * problem document, examples), and {@link org.avgym.openapi.control.ApiDescription} completes each
 * operation from its Java method: roles, problem responses, success codes, constraints.
 */
package org.avgym.openapi;
