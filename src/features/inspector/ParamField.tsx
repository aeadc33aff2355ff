import type { LayerSpec } from '../../core/layers/catalog';
import type { FieldDef } from '../../core/layers/types';
import { BoolField, EnumField } from './ChoiceFields';
import { TextParamField } from './TextParamField';

/** The input for one Keras argument, by its field type. */
export function ParamField({ layer, field }: { layer: LayerSpec; field: FieldDef }) {
  const value = (layer.params as Record<string, unknown>)[field.name];
  switch (field.type) {
    case 'bool':
      return <BoolField layer={layer} field={field} value={value} />;
    case 'enum':
      return <EnumField layer={layer} field={field} value={value} />;
    case 'int':
    case 'float':
    case 'intList':
      return <TextParamField layer={layer} field={field} value={value} />;
  }
}
