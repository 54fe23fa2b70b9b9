import type { OptionsSection } from './Options';
import { FlagsSection } from './FlagsSection';
import { GeneralSection } from './GeneralSection';
import { KnowledgeSection } from './KnowledgeSection';
import { UsageSection } from './UsageSection';

/** The options page's sections, in page order. */
export const OPTIONS_SECTIONS: readonly OptionsSection[] = [
  { id: 'general', title: 'optionsGeneral', component: GeneralSection },
  { id: 'knowledge', title: 'optionsKnowledge', component: KnowledgeSection },
  { id: 'usage', title: 'optionsUsage', component: UsageSection },
  { id: 'flags', title: 'optionsFlags', component: FlagsSection },
];
