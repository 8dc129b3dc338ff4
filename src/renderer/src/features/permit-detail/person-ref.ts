import type { PersonDto, PersonRef } from '../../../../shared/contract/permits'

/** How the server names a person on the wire: by account when they have one, else by name. */
export const personRefOf = (person: Pick<PersonDto, 'userId' | 'name'>): PersonRef =>
  person.userId === null ? { name: person.name } : { userId: person.userId }
