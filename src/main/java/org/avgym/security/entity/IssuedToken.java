package org.avgym.security.entity;

/** A token just issued: the only time its secret is shown. */
public record IssuedToken(ApiTokenView token, String secret) {}
