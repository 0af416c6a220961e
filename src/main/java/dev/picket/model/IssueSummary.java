package dev.picket.model;

/**
 * What an event says about the issue it belongs to: written on creation, refreshed by later
 * events. {@code metadata} is a JSON object as text.
 */
public record IssueSummary(
    String title, String culprit, String level, String type, String metadata, String logger) {}
