package dev.picket.model;

import java.time.Instant;

/** Something that happened to an issue ({@code set_regression}, {@code merge} ...); data is JSON text. */
public record Activity(long id, long issueId, String type, String data, Instant dateCreated) {}
