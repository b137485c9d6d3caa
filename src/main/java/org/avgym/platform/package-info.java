/**
 * What every feature stands on: the data source and its configuration, schema migrations run before
 * anything uses JPA, the JAX-RS application with problem+json errors, and build info.
 */
package org.avgym.platform;
