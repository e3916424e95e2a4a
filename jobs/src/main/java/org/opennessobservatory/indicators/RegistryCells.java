package org.opennessobservatory.indicators;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.opennessobservatory.cli.UserException;
import org.opennessobservatory.io.CsvTable;

/** Cell checks shared by the registry tables read here; every fault names the file and the line. */
final class RegistryCells {
  private RegistryCells() {}

  static String required(CsvTable.Line line, String column, String where) {
    String cell = line.get(column);
    if (cell == null) {
      throw new UserException(where + "the " + column + " cell is empty");
    }
    return cell;
  }

  static int year(CsvTable.Line line, String where) {
    String cell = required(line, "year", where);
    try {
      int year = Integer.parseInt(cell);
      if (year < 1900 || year > 2999) {
        throw new NumberFormatException();
      }
      return year;
    } catch (NumberFormatException e) {
      throw new UserException(where + "year '" + cell + "' is not a year such as 2023");
    }
  }

  static LocalDate date(CsvTable.Line line, String column, String where) {
    String cell = line.get(column);
    try {
      return cell == null ? null : LocalDate.parse(cell);
    } catch (DateTimeParseException e) {
      throw new UserException(where + column + " '" + cell + "' is not a date as YYYY-MM-DD");
    }
  }
}
