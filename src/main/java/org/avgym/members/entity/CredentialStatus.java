package org.avgym.members.entity;

/**
 * A card or QR code stays on record after it is lost or replaced, so that its scans can be told
 * apart from unknown ones.
 */
public enum CredentialStatus {
  ACTIVE,
  LOST,
  REPLACED,
  BLOCKED
}
