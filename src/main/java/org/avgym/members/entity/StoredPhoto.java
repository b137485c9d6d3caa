package org.avgym.members.entity;

/** An image ready to store or serve: its bytes and their media type ({@code image/jpeg}). */
public record StoredPhoto(String contentType, byte[] bytes) {}
