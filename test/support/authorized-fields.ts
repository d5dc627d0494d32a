import { getMetadataStorage } from 'type-graphql';

/**
 * Every field the subgraphs loaded in this process guard with type-graphql's
 * `@Authorized`, as `Type.field` → the scopes it names (empty: any signed-in
 * caller). Read from the decorators' own metadata, so a test can check that
 * it covers every protected field, including ones added later.
 */
export function authorizedFields(): Map<string, string[]> {
  const storage = getMetadataStorage();
  const typeName = (target: unknown) =>
    [...storage.objectTypes, ...storage.interfaceTypes].find((type) => type.target === target)?.name ?? '?';
  const handlers = [
    ...storage.queries.map((handler) => ({ handler, type: () => 'Query' })),
    ...storage.mutations.map((handler) => ({ handler, type: () => 'Mutation' })),
    ...storage.fieldResolvers.map((handler) => ({
      handler,
      type: () => {
        const parent = storage.resolverClasses
          .find((resolver) => resolver.target === handler.target)
          ?.getObjectType?.();
        return parent ? typeName(parent) : '?';
      },
    })),
  ];
  const fields = new Map<string, string[]>();
  for (const { handler, type } of handlers) {
    const own = storage.authorizedFields.find(
      (field) => field.target === handler.target && field.fieldName === handler.methodName,
    );
    const inherited = storage.authorizedResolver.find((resolver) => resolver.target === handler.target);
    const roles = own?.roles ?? inherited?.roles;
    if (roles) fields.set(`${type()}.${handler.schemaName}`, roles.map(String));
  }
  return fields;
}
