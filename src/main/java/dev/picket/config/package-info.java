/** Picket's settings: the {@code Config} record and its loader (flags over environment over defaults). */
package dev.picket.config;
