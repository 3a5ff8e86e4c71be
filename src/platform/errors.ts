/** Typed domain errors, mapped to HTTP statuses in one place (app.ts). */
export class DomainError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly title: string,
  ) {
    super(message);
  }
}

/** Also used for a record of another association: never confirm that it exists. */
export class NotFoundError extends DomainError {
  constructor(message = "La page demandée n'existe pas ou vous n'y avez pas accès.") {
    super(message, 404, "Page introuvable");
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = "Votre rôle ne donne pas accès à cette page.") {
    super(message, 403, "Accès refusé");
  }
}

export class ConflictError extends DomainError {
  constructor(message: string) {
    super(message, 409, "Conflit");
  }
}

export class UnauthenticatedError extends DomainError {
  constructor() {
    super("Connectez-vous pour accéder à cette page.", 401, "Connexion requise");
  }
}
