#ifndef SENTRALBORD_MHD_SHIMS_H
#define SENTRALBORD_MHD_SHIMS_H
/* Typed wrappers for the libmicrohttpd calls Swift cannot make (MHD_start_daemon and
   MHD_get_connection_info are variadic). */
#include <sys/types.h>
#include <sys/socket.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdarg.h>
#include <microhttpd.h>

/* Called once per request with the raw request target, before MHD parses it; the result
   becomes the request's `*req_cls`. */
typedef void *(*sentralbord_mhd_uri_callback)(void *cls, const char *uri,
                                              struct MHD_Connection *connection);

/* Starts a daemon on an already bound and listening socket, with the one option list the
   server uses: an internal thread pool, each thread polling its connections with poll(2),
   at most `connection_limit` connections shared among the threads, suspend/resume and
   quiesce allowed. Not epoll: libmicrohttpd 0.9.75's edge-triggered epoll loop now and then
   missed the next request on every connection of a burst of new ones, which then waited
   until something else woke the thread (under wrk: seconds); suspended connections (the
   live stream's, for good) are not polled, so poll(2) scans only connections in use.
   `connection_callback` hears of every connection's start (after accept) and close. `cls`
   is passed to every callback. Returns NULL if libmicrohttpd refuses to start. */
struct MHD_Daemon *sentralbord_mhd_start(MHD_socket listen_socket, bool ipv6,
                                         unsigned int thread_pool_size,
                                         unsigned int connection_timeout_seconds,
                                         unsigned int connection_limit,
                                         MHD_AccessHandlerCallback handler,
                                         MHD_RequestCompletedCallback completed,
                                         sentralbord_mhd_uri_callback uri_callback,
                                         MHD_NotifyConnectionCallback connection_callback,
                                         void *cls);

/* The peer address of a connection, or NULL if libmicrohttpd does not know it. */
const struct sockaddr *sentralbord_mhd_client_address(struct MHD_Connection *connection);

/* The socket of a connection, or -1 if libmicrohttpd does not say. */
int sentralbord_mhd_connection_socket(struct MHD_Connection *connection);

/* Whether a request header's value holds a NUL byte (libmicrohttpd reads values as C strings,
   so `Bearer TOKEN\0junk` would be read as `Bearer TOKEN`), or a header line ended with a bare
   LF instead of CR LF; only from the access handler, while the request's head is in libmicrohttpd's
   read buffer. */
bool sentralbord_mhd_header_value_has_nul(struct MHD_Connection *connection);

/* The pointer the connection callback stored for this connection at its start, or NULL. */
void *sentralbord_mhd_socket_context(struct MHD_Connection *connection);

#endif
