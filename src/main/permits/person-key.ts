/** A stable key for someone on a permit: an account, or a named person without one. */
export const userPersonKey = (userId: number) => `user:${userId}`

export const namedPersonKey = (name: string) => `name:${name.trim().replace(/\s+/g, ' ').toLowerCase()}`

export const personKeyOf = (person: { userId: number } | { name: string }) =>
  'userId' in person ? userPersonKey(person.userId) : namedPersonKey(person.name)
