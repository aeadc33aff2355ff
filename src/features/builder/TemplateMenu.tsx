import { TEMPLATES } from '../../core/templates';
import { Menu } from '../../components/Menu';
import { announce } from '../../components/announcer';
import { useAppStore } from '../../store/store';

const ITEMS = TEMPLATES.map((t) => ({
  key: t.id,
  title: t.title,
  description: t.description,
  onSelect: () => {
    const store = useAppStore.getState();
    if (!store.loadTemplate(t.id).ok) return;
    // A template made for one data set brings it and the settings its promise rests on.
    if (t.training) store.setTrainingSettings(t.training);
    if (t.data) void store.chooseDataset(t.data);
    announce(`Loaded the ${t.title} template.`);
  },
}));

/** Starting points from core/templates; loading one replaces the model and can be undone. */
export function TemplateMenu() {
  return <Menu label="Templates" icon="template" items={ITEMS} />;
}
