// The Japanese font the PDF and plot images embed: Noto Sans JP (SIL OFL 1.1), from the
// @expo-google-fonts/noto-sans-jp npm package, so no system font is needed on any machine.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Paths of the regular and bold TTF files. */
export function reportFonts(): { regular: string; bold: string } {
  return {
    regular: require.resolve('@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf'),
    bold: require.resolve('@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf'),
  };
}

export const REPORT_FONT_FAMILY = 'Noto Sans JP';
