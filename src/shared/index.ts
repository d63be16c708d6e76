export {assertNever} from "./assert.ts";
export {headingSlug, renderMarkdown} from "./markdown.ts";
export {
  notebookChangedEvent,
  saveEndpointPath,
  saveRequestHeader,
  textVersion,
  type NotebookChange,
  type SaveRequest,
  type SaveResponse
} from "./dev-server.ts";
export {cellMarkup, cellNameMarkup, cellSourceMarkup, escapeHtml, type CellMarkupSpec} from "./cell-markup.ts";
export {
  ATTACHMENT_EXTENSIONS,
  isAttachmentFileName,
  isTableFileName,
  maybeAttachmentName,
  tableNameOf,
  type AttachmentExtension,
  type AttachmentName
} from "./attachment-name.ts";
export {attachEndpointPath, type AttachResponse} from "./attach-endpoint.ts";
export {contentTypeOf, essenceOf, mimeTypeOf} from "./mime-types.ts";
export {
  effectiveTheme,
  parsePageTheme,
  readPageTheme,
  themeAttributes,
  themeAttributeValues,
  THEMES,
  type ColorScheme,
  type PageTheme,
  type ThemeAttributeValues,
  type ThemeName
} from "./themes.ts";
