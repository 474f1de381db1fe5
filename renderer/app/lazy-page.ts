// Loads a page's code only when its area is first opened, so the first screen starts with little JavaScript.
import { lazy, type ComponentType } from 'react';

export function lazyPage<Module extends Record<Name, ComponentType>, Name extends string>(
  load: () => Promise<Module>,
  name: Name,
) {
  return lazy(async () => ({ default: (await load())[name] }));
}
