package edu.sockets.grading;

/** A small faulty server of a phase's gallery, listening on loopback until closed. */
public interface GalleryServer extends AutoCloseable {

  int port();
}
