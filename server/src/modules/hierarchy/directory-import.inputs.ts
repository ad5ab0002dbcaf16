import { InputType } from 'type-graphql';
import { SpreadsheetUploadInput } from '../../imports/spreadsheet-upload.input.js';

@InputType({ description: 'Файл справочника субъектов РФ, муниципалитетов и образовательных организаций.' })
export class DirectoryImportInput extends SpreadsheetUploadInput {}
