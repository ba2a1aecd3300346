'use strict';

// Loopback-only preload for the original Jitar benchmark services.
//
// Why: Jitar 0.10.6 starts its HTTP server with `express().listen(port)`
// (packages/http/src/HttpServer.ts: `this.#app.listen(this.#port, reject)`),
// i.e. without a host. Node then binds the wildcard address (`*` / `::`), so
// every service would be reachable from the network. The `url` in a service
// configuration is only used to derive the port and to tell other services
// where to connect; Jitar has no option to choose the bind address.
//
// What: loaded with `node --require /path/loopback.cjs ...` before Jitar's
// ES modules run, this wraps net.Server.prototype.listen (http.Server
// inherits it) so that a listen that gives a TCP port (or no port at all)
// but no host binds to 127.0.0.1 instead. Listens that already name a host, a path (unix socket)
// or a handle are passed through unchanged. Nothing else is touched.

const net = require('node:net');

const LOOPBACK = '127.0.0.1';
const originalListen = net.Server.prototype.listen;

function isPort(value)
{
    if (typeof value === 'number') return true;
    // Node accepts a numeric string as a port (Jitar passes the port as a string).
    return typeof value === 'string' && value.trim() !== '' && Number.isInteger(Number(value));
}

net.Server.prototype.listen = function listen(...args)
{
    const first = args[0];

    if (first === undefined || typeof first === 'function')
    {
        // listen() / listen(callback): random port, also on loopback only
        args.splice(0, first === undefined ? 1 : 0, 0, LOOPBACK);
    }
    else if (isPort(first))
    {
        // listen(port[, host][, backlog][, callback])
        if (typeof args[1] !== 'string')
        {
            args.splice(1, 0, LOOPBACK);
        }
    }
    else if (first !== null && typeof first === 'object'
        && first.path === undefined && first.handle === undefined && first._handle === undefined && first.fd === undefined
        && first.host === undefined)
    {
        // listen({ port, ... }) without a host
        args[0] = { ...first, host: LOOPBACK };
    }

    return originalListen.apply(this, args);
};
