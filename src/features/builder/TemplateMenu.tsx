import { TEMPLATES } from '../../core/templates';
import { Menu } from '../../components/Menu';
import { announce } from '../../components/announcer';
import { useAppStore } from '../../store/store';

const ITEMS = TEMPLATES.map((t) => ({
  key: t.id,
  title: t.title,
  description: t.description,
  onSelect: () => {
    if (useAppStore.getState().loadTemplate(t.id).ok) announce(`Loaded the ${t.title} template.`);
  },
}));

/** Starting points from core/templates; loading one replaces the model and can be undone. */
export function TemplateMenu() {
  return <Menu label="Templates" icon="template" items={ITEMS} />;
}
