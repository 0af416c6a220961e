package dev.picket.model;

import java.time.Instant;

/**
 * What a release's events and deploys say about it: issues first seen in it, the first and last
 * time an issue saw it, and its deploys. The times are null when no event carried the release.
 */
public record ReleaseStats(long newGroups, Instant firstEvent, Instant lastEvent, long deployCount, Deploy lastDeploy) {}
