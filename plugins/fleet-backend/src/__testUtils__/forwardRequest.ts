import http from 'node:http';

/**
 * Forwards one request to `target` (an API server) and streams the answer
 * back, watches included; each side is torn down when the other goes.
 */
export function forwardRequest(
  target: URL,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): void {
  const upstream = http.request(
    {
      host: target.hostname,
      port: target.port,
      path: req.url,
      method: req.method,
      headers: req.headers,
      agent: false,
    },
    answer => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      res.flushHeaders();
      answer.pipe(res);
    },
  );
  upstream.on('error', () => res.destroy());
  res.on('close', () => upstream.destroy());
  req.pipe(upstream);
}
