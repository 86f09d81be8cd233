import { ApiException } from '@kubernetes/client-node';

/** The HTTP status of a failed Kubernetes API call, if it was one. */
export function kubernetesStatusCode(error: unknown): number | undefined {
  return error instanceof ApiException ? error.code : undefined;
}

/**
 * A short message for a failed Kubernetes API call: the API server's Status
 * message only. The client's own message carries the whole response body and
 * headers, which need not reach a task log. A request aborted by the
 * connection's timeout says so, with the limit.
 */
export function kubernetesErrorMessage(
  error: unknown,
  connection?: { timeoutMs: number },
): string {
  if (
    error instanceof Error &&
    (error.name === 'AbortError' || error.name === 'TimeoutError')
  ) {
    return `timed out: the API server did not answer within ${
      connection ? `${connection.timeoutMs / 1000} s` : 'the request timeout'
    } (carepath.kubernetes.requestTimeoutSeconds)`;
  }
  if (error instanceof ApiException) {
    let message: string | undefined;
    const body: unknown = error.body;
    try {
      const parsed: unknown =
        typeof body === 'string' ? JSON.parse(body) : body;
      if (parsed && typeof parsed === 'object' && 'message' in parsed) {
        message = String((parsed as { message: unknown }).message);
      }
    } catch {
      message = undefined; // not JSON: fall back to the status code alone
    }
    return `HTTP ${error.code}${message ? `: ${message}` : ''}`;
  }
  return error instanceof Error ? error.message : String(error);
}
