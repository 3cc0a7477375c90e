#pragma once

#include <httplib.h>

namespace amigo::emulator {

/// Shuts down, in both directions, the TCP connection that carries `request`, so that its client
/// sees the connection end without an answer (or without the rest of one).
///
/// cpp-httplib 0.11 does not hand the socket to handlers, so it is found by its address pair:
/// the open socket whose local port is `server_port` and whose peer is the request's remote
/// address and port. Returns false when no such socket is found.
bool shut_down_connection(const httplib::Request& request, int server_port);

/// Lets the socket listening on `server_port` queue SOMAXCONN connections. cpp-httplib 0.11
/// listens with a backlog of 5: when more clients connect at once, Linux drops some handshakes
/// and later resets those connections, which a burst of test clients then sees as failures.
void widen_listen_backlog(int server_port);

/// Shuts down every connection accepted on `server_port`. cpp-httplib lets an idle keep-alive
/// connection hold up its stop for the whole keep-alive timeout; this ends them at once.
void shut_down_connections(int server_port);

}  // namespace amigo::emulator
