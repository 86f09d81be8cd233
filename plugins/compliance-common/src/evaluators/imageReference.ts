/** The parts of an image reference that decide whether it is pinned. */
export interface ImageReference {
  tag?: string;
  digest?: string;
}

/** Splits `registry:port/repo/name:tag@sha256:...` into its tag and digest. */
export function imageReference(image: string): ImageReference {
  const at = image.indexOf('@');
  const digest = at >= 0 ? image.slice(at + 1) : undefined;
  const name = at >= 0 ? image.slice(0, at) : image;
  const colon = name.lastIndexOf(':');
  const tag = colon > name.lastIndexOf('/') ? name.slice(colon + 1) : undefined;
  return { tag: tag || undefined, digest: digest || undefined };
}
