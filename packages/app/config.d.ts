export interface Config {
  carepath?: {
    /** What the sign-in page offers. */
    signIn?: {
      /**
       * Offer guest sign-in (the embedded default; the backend refuses it
       * outside development).
       * @visibility frontend
       */
      guest?: boolean;
      /**
       * Demo users to act as, one per role (development only).
       * @visibility frontend
       */
      demoUsers?: Array<{
        /** @visibility frontend */
        user: string;
        /** @visibility frontend */
        displayName: string;
        /** @visibility frontend */
        role: string;
        /** @visibility frontend */
        description: string;
      }>;
      /**
       * Offer sign-in with the organisation's OIDC identity provider.
       * @visibility frontend
       */
      oidc?: boolean;
    };
  };
}
