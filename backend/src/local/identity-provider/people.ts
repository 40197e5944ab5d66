import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Role } from '@vfc/shared';

/** A person the local identity provider knows: the stand-in for a Cognito user. */
export interface LocalPerson {
  /** Stable id, the tokens' `sub` (Cognito: the user's `sub` attribute). */
  sub: string;
  /** Sign-in name (lower case). */
  email: string;
  name: string;
  clinicId: string;
  /** `cognito:groups` of the person's tokens. */
  groups: Role[];
  /** A disabled person can neither sign in nor refresh (Cognito `AdminDisableUser`). */
  enabled: boolean;
}

/** What {@link LocalPeople.add} takes: a person and their password (kept only as a SHA-256). */
export interface NewPerson {
  email: string;
  name: string;
  clinicId: string;
  role: Role;
  password: string;
  /** Default: a random UUID. */
  sub?: string;
}

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** The local identity provider's user directory, in memory (one per stack). */
export class LocalPeople {
  readonly #people = new Map<string, LocalPerson & { passwordHash: Buffer }>();

  /**
   * Adds a person; an admin is in both groups, like an invited Cognito admin.
   * @throws Error when the email is already taken.
   */
  add(person: NewPerson): LocalPerson {
    const email = person.email.trim().toLowerCase();
    if ([...this.#people.values()].some((p) => p.email === email)) throw new Error(`${email} already exists`);
    const stored = {
      sub: person.sub ?? randomUUID(),
      email,
      name: person.name,
      clinicId: person.clinicId,
      groups: person.role === 'admin' ? (['staff', 'admin'] as Role[]) : (['staff'] as Role[]),
      enabled: true,
      passwordHash: digest(person.password),
    };
    this.#people.set(stored.sub, stored);
    return LocalPeople.#public(stored);
  }

  /** The enabled person with this email and password, or `undefined`. */
  signIn(email: string, password: string): LocalPerson | undefined {
    const person = [...this.#people.values()].find((p) => p.email === email.trim().toLowerCase());
    if (!person || !person.enabled || !timingSafeEqual(person.passwordHash, digest(password))) return undefined;
    return LocalPeople.#public(person);
  }

  /** An enabled person by `sub` (what token and refresh requests look up), or `undefined`. */
  findEnabled(sub: string): LocalPerson | undefined {
    const person = this.#people.get(sub);
    return person?.enabled ? LocalPeople.#public(person) : undefined;
  }

  /** Disables a person by email: no more sign-in or refresh. @returns the person, or `undefined` when no such person exists. */
  disable(email: string): LocalPerson | undefined {
    const person = [...this.#people.values()].find((p) => p.email === email.trim().toLowerCase());
    if (!person) return undefined;
    person.enabled = false;
    return LocalPeople.#public(person);
  }

  /** Everyone of a clinic, in the order they were added. */
  ofClinic(clinicId: string): LocalPerson[] {
    return [...this.#people.values()].filter((p) => p.clinicId === clinicId).map(LocalPeople.#public);
  }

  static #public({ passwordHash: _hash, ...person }: LocalPerson & { passwordHash: Buffer }): LocalPerson {
    return { ...person, groups: [...person.groups] };
  }
}
