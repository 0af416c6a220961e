package dev.picket.model;

/** A person who signs in; the password is stored only as a bcrypt hash. */
public record User(long id, String email, String passwordHash, boolean superuser, boolean active) {}
