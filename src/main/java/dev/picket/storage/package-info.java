/**
 * The storage seam: narrow interfaces by concern. Implementations live in sub-packages; this
 * package depends only on {@code dev.picket.model}.
 */
package dev.picket.storage;
