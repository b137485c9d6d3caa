/**
 * Staff users and their roles (ADMIN, STAFF), the login page and HTTP Basic for the API, the first
 * administrator, and login metrics. Passwords are stored only as PBKDF2 hashes.
 */
package org.avgym.security;
