/**
 * The icons the pane uses, imported one family at a time: the package index re-exports huge chunk files
 * that make every production build minify megabytes of unused icons.
 */
export { ArrowClockwise20Regular } from '@fluentui/react-icons/svg/arrow-clockwise';
export { ArrowDownload20Regular } from '@fluentui/react-icons/svg/arrow-download';
export { CalendarLtr16Regular } from '@fluentui/react-icons/svg/calendar-ltr';
export { Call16Regular } from '@fluentui/react-icons/svg/call';
export { CheckmarkCircle16Filled, CheckmarkCircle20Filled } from '@fluentui/react-icons/svg/checkmark-circle';
export { ChevronDown16Regular } from '@fluentui/react-icons/svg/chevron-down';
export { ChevronRight16Regular } from '@fluentui/react-icons/svg/chevron-right';
export { DismissCircle16Filled } from '@fluentui/react-icons/svg/dismiss-circle';
export { Eraser20Regular } from '@fluentui/react-icons/svg/eraser';
export { ErrorCircle16Filled, ErrorCircle20Filled } from '@fluentui/react-icons/svg/error-circle';
export { FolderOpen20Regular } from '@fluentui/react-icons/svg/folder-open';
export { Info16Filled, Info20Filled } from '@fluentui/react-icons/svg/info';
export { LocalLanguage20Regular } from '@fluentui/react-icons/svg/local-language';
export { Location16Regular } from '@fluentui/react-icons/svg/location';
export { Mail16Regular } from '@fluentui/react-icons/svg/mail';
export { Print20Regular } from '@fluentui/react-icons/svg/print';
export { TableSettings20Regular } from '@fluentui/react-icons/svg/table-settings';
export { Warning16Filled, Warning20Filled } from '@fluentui/react-icons/svg/warning';
export { WeatherMoon20Regular } from '@fluentui/react-icons/svg/weather-moon';
export { WeatherSunny20Regular } from '@fluentui/react-icons/svg/weather-sunny';
export { ShieldCheckmark20Regular } from '@fluentui/react-icons/svg/shield-checkmark';
export { ArrowRepeatAll20Regular } from '@fluentui/react-icons/svg/arrow-repeat-all';
export { DocumentTable20Regular } from '@fluentui/react-icons/svg/document-table';
export { LeafTwo20Regular } from '@fluentui/react-icons/svg/leaf-two';
export { PeopleTeam20Regular } from '@fluentui/react-icons/svg/people-team';
export { TableAdd20Regular } from '@fluentui/react-icons/svg/table-add';
export { WindowNew20Regular } from '@fluentui/react-icons/svg/window-new';
export { DocumentText20Regular } from '@fluentui/react-icons/svg/document-text';
export { FolderZip20Regular } from '@fluentui/react-icons/svg/folder-zip';
