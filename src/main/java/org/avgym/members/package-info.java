/**
 * Members, membership plans, memberships (with freezes and cancellation, history kept) and the
 * credentials (cards, QR codes, NFC tags) members scan.
 */
package org.avgym.members;
