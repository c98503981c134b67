#ifndef SENTRALBORD_POLL_SHIMS_H
#define SENTRALBORD_POLL_SHIMS_H
/* epoll(7), eventfd(2) and sendmsg(2) with MSG_NOSIGNAL for Swift: Glibc's module map has
   no <sys/epoll.h> or <sys/eventfd.h>, and `struct epoll_event` is packed on x86-64. Each
   watched descriptor carries a 64-bit token the caller chooses. */
#include <stdint.h>
#include <stddef.h>

/* What a watch asks for and what a wait reports (the EPOLL* bits). */
enum {
    SENTRALBORD_POLL_READABLE = 0x001,   /* EPOLLIN */
    SENTRALBORD_POLL_WRITABLE = 0x004,   /* EPOLLOUT */
    SENTRALBORD_POLL_ERROR = 0x008,      /* EPOLLERR */
    SENTRALBORD_POLL_HANGUP = 0x010,     /* EPOLLHUP */
    SENTRALBORD_POLL_PEER_CLOSED = 0x2000 /* EPOLLRDHUP */
};

/* A new close-on-exec epoll instance, or -1 with errno. */
int sentralbord_epoll_create(void);

/* Adds `fd` (`op` 0), changes its events (`op` 1) or removes it (`op` 2); 0 or -1 with errno. */
int sentralbord_epoll_update(int epfd, int op, int fd, uint32_t events, uint64_t token);

/* Waits up to `timeout_ms` (-1: forever) and fills up to `capacity` tokens and their events;
   the number filled, 0 on timeout or a signal, or -1 with errno. */
int sentralbord_epoll_wait(int epfd, uint64_t *tokens, uint32_t *events, int capacity, int timeout_ms);

/* A new non-blocking, close-on-exec eventfd, or -1 with errno. */
int sentralbord_eventfd_create(void);

/* Sends up to three buffers in order (a chunk's size line, its data and its CRLF; a part may
   be empty) with one sendmsg(2), without SIGPIPE when the peer is gone; the bytes sent or -1
   with errno. */
long sentralbord_send_parts(int fd, const void *first, size_t first_length, const void *second,
                            size_t second_length, const void *third, size_t third_length);

#endif
