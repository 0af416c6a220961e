/** The picocli commands: thin adapters over {@code App} and the admin services. */
package dev.picket.cli;
