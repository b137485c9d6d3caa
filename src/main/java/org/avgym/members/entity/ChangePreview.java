package org.avgym.members.entity;

import java.time.Instant;
import java.util.List;

/**
 * What a sale, renewal or plan change will do, shown before staff confirm it: the new membership's
 * term, the term of the membership it follows ({@code previous}, absent for a sale) and when that
 * one ends afterwards, and in plain sentences what changes at the doors.
 */
public record ChangePreview(
    String action, Term next, Term previous, Instant previousEndsAfter, List<String> effects) {}
